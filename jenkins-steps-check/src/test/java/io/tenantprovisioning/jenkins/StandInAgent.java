package io.tenantprovisioning.jenkins;

import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

/**
 * The channel to an agent, stood in for: every callable sent is serialized and a deserialized copy is
 * run (so what crosses must be Serializable and carry nothing of the controller), and what ran is
 * recorded. The agent's disk is this machine's; the record shows a write went through the channel.
 */
final class StandInAgent implements VirtualChannel {

    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Override
    public <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException {
        @SuppressWarnings("unchecked")
        Callable<V, T> overThere = (Callable<V, T>) roundTrip(callable);
        ran.add(overThere.toString());
        return overThere.call();
    }

    /** What the agent ran, in order, as each callable describes itself ("write /path", "mkdirs /path"). */
    List<String> ran() {
        return List.copyOf(ran);
    }

    private static Object roundTrip(Object callable) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(callable);
        } catch (NotSerializableException e) {
            throw new NotSerializableException("cannot send to the agent: " + e.getMessage());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    @Override
    public <V, T extends Throwable> Future<V> callAsync(Callable<V, T> callable) {
        throw new UnsupportedOperationException("the steps call synchronously");
    }

    @Override
    public void close() {
    }

    @Override
    public void join() {
    }

    @Override
    public void join(long timeout) {
    }

    @Override
    public <T> T export(Class<T> type, T instance) {
        throw new UnsupportedOperationException("nothing is exported to this agent");
    }

    @Override
    public void syncLocalIO() {
    }
}
