package vn.motcua.signature.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import vn.motcua.signature.Signatures;

/**
 * {@code motcua-verify <file.pdf|file.p7s> [--data file] [--trust dir|file] [--online] [--strict] [--json]}.
 * Exit code 0 valid, 1 invalid, 2 indeterminate, 3 unreadable input or bad usage.
 */
public final class VerifyCommand {
    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int INDETERMINATE = 2;
    public static final int UNREADABLE = 3;

    private VerifyCommand() {
    }

    /** Held so the setting is not garbage-collected with the logger. */
    private static final java.util.logging.Logger PDFBOX_LOG = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    public static void main(String[] args) {
        // PDFBox logs every oddity of hostile files; the report already says what matters
        PDFBOX_LOG.setLevel(java.util.logging.Level.OFF);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path data = null;
        boolean json = false;
        VerificationOptions.Builder options = VerificationOptions.builder();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(value(args, ++i));
                    case "--trust" -> options.trustList(Path.of(value(args, ++i)));
                    case "--online" -> options.online(true);
                    case "--strict" -> options.policy(VerificationOptions.Policy.STRICT);
                    case "--json" -> json = true;
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            return usage(err);
                        }
                        file = Path.of(args[i]);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return usage(err);
        } catch (IOException e) {
            bilingual(err, "cli.badTrustList", e.getMessage());
            return UNREADABLE;
        }
        if (file == null) {
            return usage(err);
        }
        if (!Files.isRegularFile(file)) {
            bilingual(err, "cli.noFile", file);
            return UNREADABLE;
        }
        VerificationReport report;
        try {
            report = data == null ? Signatures.verify(file, options.build())
                    : Signatures.verifyDetached(file, data, options.build());
        } catch (VerificationException e) {
            err.println(e.message(Messages.VIETNAMESE));
            err.println(e.message(Locale.ENGLISH));
            return UNREADABLE;
        }
        if (json) {
            out.println(report.toJson());
        } else {
            out.print(report.summary(Messages.VIETNAMESE));
            out.println();
            out.print(report.summary(Locale.ENGLISH));
        }
        return switch (report.verdict()) {
            case VALID -> VALID;
            case INVALID -> INVALID;
            case INDETERMINATE -> INDETERMINATE;
        };
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value");
        }
        return args[i];
    }

    private static int usage(PrintStream err) {
        bilingual(err, "cli.usage");
        return UNREADABLE;
    }

    private static void bilingual(PrintStream err, String key, Object... args) {
        err.println(Messages.format(Messages.VIETNAMESE, key, args));
        err.println(Messages.format(Locale.ENGLISH, key, args));
    }
}
