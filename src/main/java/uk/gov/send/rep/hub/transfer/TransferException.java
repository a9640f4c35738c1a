package uk.gov.send.rep.hub.transfer;

/**
 * Export or restore stopped; the message says what and where (a file and line, an argument, the
 * target database). {@link #badInput()} failures are the caller's to fix (exit code 2): an argument,
 * a file that is missing, corrupt or does not match its manifest, a database that is not empty.
 */
final class TransferException extends RuntimeException {

    private final boolean badInput;

    private TransferException(String message, boolean badInput, Throwable cause) {
        super(message, cause);
        this.badInput = badInput;
    }

    static TransferException badInput(String message) {
        return new TransferException(message, true, null);
    }

    static TransferException failed(String message) {
        return new TransferException(message, false, null);
    }

    static TransferException failed(String message, Throwable cause) {
        return new TransferException(message, false, cause);
    }

    boolean badInput() {
        return badInput;
    }
}
