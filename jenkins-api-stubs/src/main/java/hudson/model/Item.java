package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import java.io.IOException;
import java.util.Collection;
import jenkins.util.io.OnMaster;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt: its supertypes and abstract members. */
public interface Item extends PersistenceRoot, SearchableModelObject, AccessControlled, OnMaster {
    ItemGroup<? extends Item> getParent();

    Collection<? extends Job> getAllJobs();

    String getName();

    String getFullName();

    @Override
    String getDisplayName();

    String getFullDisplayName();

    String getUrl();

    String getShortUrl();

    void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException;

    void onCopiedFrom(Item src);

    @Override
    void save() throws IOException;

    void delete() throws IOException, InterruptedException;
}
