package io.tenantprovisioning.bench;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.resource.postgres.PostgresEndpoint;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.lucene.util.Version;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** What the benchmark ran against, as the services themselves report it (for the results file). */
record ServiceVersions(String postgres, String redis, String lucene, String objectStore, String vectorStore) {

    private static final String UNKNOWN = "version unknown";

    static ServiceVersions of(Settings settings) {
        return new ServiceVersions(postgres(settings), redis(settings), Version.LATEST.toString(),
                settings.string(Setting.OBJECT_STORE), settings.string(Setting.VECTOR_STORE));
    }

    private static String postgres(Settings settings) {
        Properties login = new Properties();
        login.setProperty("user", settings.string(Setting.REGISTRY_DB_USER));
        login.setProperty("password", settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal());
        try (Connection c = DriverManager.getConnection(PostgresEndpoint.tenantData(settings).jdbcUrl(), login);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            return rs.next() ? rs.getString(1) : UNKNOWN;
        } catch (SQLException e) {
            return UNKNOWN;
        }
    }

    private static String redis(Settings settings) {
        try (Jedis jedis = RedisEndpoint.fromSettings(settings).connect(null,
                settings.requiredSecret(Setting.REDIS_PASSWORD))) {
            return jedis.info("server").lines().filter(l -> l.startsWith("redis_version:"))
                    .map(l -> l.substring("redis_version:".length()).strip()).findFirst().orElse(UNKNOWN);
        } catch (JedisException e) {
            return UNKNOWN;
        }
    }
}
