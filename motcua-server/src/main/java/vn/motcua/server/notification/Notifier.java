package vn.motcua.server.notification;

/**
 * Tells people about a dossier: the officers of an office (due soon, overdue) or the applicant (result ready, apology).
 * The embedded mode writes to an outbox table and the log ({@link OutboxNotifier}); e-mail, SMS and Zalo adapters read the
 * same outbox later.
 */
public interface Notifier {

    enum Kind { DUE_SOON, OVERDUE, RESULT_READY, APOLOGY_SENT }

    /**
     * Queues one notice. The same kind, dossier and detail is queued only once, so periodic checks may call it repeatedly.
     *
     * @param detail what the notice is about (a date, a result code), never personal data
     */
    void notify(Kind kind, String dossierCode, String officeId, String detail);
}
