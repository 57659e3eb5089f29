package hudson;

/* Compile-only stub of the Jenkins type of the same name: real signature, see ../README.md. */
public interface ExtensionPoint {
}
