package vn.motcua.server.alfresco;

/** Alfresco answered with an error status (or something this mode cannot read); {@link #status()} is the HTTP status. */
public class AlfrescoException extends RuntimeException {

    private final int status;

    public AlfrescoException(int status, String what) {
        super("Alfresco answered " + status + " to " + what);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
