package org.jenkinsci.remoting;

import java.io.Serializable;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt). Upstream's one (default) member,
 * getChannelForSerialization(), is omitted: it names remoting's Channel, which nothing here has.
 */
public interface SerializableOnlyOverRemoting extends Serializable {
}
