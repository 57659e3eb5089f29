package hudson;

import java.util.AbstractList;
import jenkins.util.io.OnMaster;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt): its supertypes and the members the plugin
 * uses. No upstream code is copied; the bodies stand in for Jenkins, which provides the real class at run time.
 */
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {

    private ExtensionList() {
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("copy: Jenkins' extension lists exist only inside Jenkins");
    }

    @Override
    public T get(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public int size() {
        return 0;
    }
}
