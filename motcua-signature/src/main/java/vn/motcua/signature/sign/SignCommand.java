package vn.motcua.signature.sign;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import vn.motcua.signature.Signatures;

/**
 * {@code motcua-sign}: signs a PDF with a PKCS#12 file or a PKCS#11 token. Secrets never come from the command line
 * (other users see it in the process list): from an environment variable, a file, or the console.
 * Exit code 0 signed, 1 signing refused or failed, 2 bad usage, 3 unreadable input.
 */
public final class SignCommand {
    public static final int SIGNED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;

    private SignCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** The parsed command line. */
    private static final class Args {
        Path in;
        Path out;
        Path p12;
        Path pkcs11Library;
        Long slot;
        String alias;
        String secretEnv;
        Path secretFile;
        SignatureLevel level = SignatureLevel.B_B;
        SignatureAlgorithm algorithm;
        URI tsa;
        String reason;
        String location;
        String contact;
        Certification certification;
        Integer page;
        Float x;
        Float y;
        Path signatureImage;
        Path sealImage;
        String agency;
        CopyKind copy;
        Path font;
        Locale locale = Messages.VIETNAMESE;
        Duration timeout = Duration.ofSeconds(15);
        Float sealMm;
        Float signatureMm;
        String field;
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        Args a;
        try {
            a = parse(argv);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null) {
                err.println(e.getMessage());
            }
            return usage(err);
        }
        if (!Files.isRegularFile(a.in)) {
            bilingual(err, "cli.noFile", a.in);
            return UNREADABLE;
        }
        try {
            byte[] pdf = Files.readAllBytes(a.in);
            SignOptions options = options(a);
            char[] secret = secret(a);
            byte[] signed;
            try (SigningKey key = a.p12 != null ? SigningKeys.pkcs12(a.p12, secret, a.alias)
                    : SigningKeys.pkcs11(a.pkcs11Library, a.slot, secret, a.alias)) {
                signed = Signatures.sign(pdf, key, options);
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
            write(a.out, signed);
            bilingual(out, "cli.signed", a.out, options.level().name().replace('_', '-'));
            return SIGNED;
        } catch (SigningException e) {
            err.println(e.message(Messages.VIETNAMESE));
            err.println(e.message(Locale.ENGLISH));
            return switch (e.reason()) {
                case NOT_A_PDF, ENCRYPTED_PDF, EMPTY_PDF, IMAGE_UNREADABLE, KEY_STORE_UNREADABLE -> UNREADABLE;
                default -> FAILED;
            };
        } catch (IllegalArgumentException e) {
            // no password/PIN source: the message says which option to use, the whole help would bury it
            err.println(e.getMessage());
            return USAGE;
        } catch (IOException e) {
            bilingual(err, "cli.io", e.getMessage());
            return UNREADABLE;
        }
    }

    /** Through a temporary file in the same folder, so a failure never leaves a half-written PDF under the name. */
    private static void write(Path out, byte[] content) throws IOException {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Args parse(String[] argv) {
        Args a = new Args();
        for (int i = 0; i < argv.length; i++) {
            String opt = argv[i];
            switch (opt) {
                case "--in" -> a.in = Path.of(value(argv, ++i, opt));
                case "--out" -> a.out = Path.of(value(argv, ++i, opt));
                case "--p12" -> a.p12 = Path.of(value(argv, ++i, opt));
                case "--pkcs11-library" -> a.pkcs11Library = Path.of(value(argv, ++i, opt));
                case "--slot" -> a.slot = Long.parseLong(value(argv, ++i, opt));
                case "--alias" -> a.alias = value(argv, ++i, opt);
                case "--secret-env" -> a.secretEnv = value(argv, ++i, opt);
                case "--secret-file" -> a.secretFile = Path.of(value(argv, ++i, opt));
                case "--level" -> a.level = SignatureLevel.valueOf(value(argv, ++i, opt).toUpperCase(Locale.ROOT)
                        .replace('-', '_'));
                case "--algorithm" -> a.algorithm = SignatureAlgorithm.valueOf(value(argv, ++i, opt)
                        .toUpperCase(Locale.ROOT).replace('-', '_'));
                case "--tsa" -> a.tsa = URI.create(value(argv, ++i, opt));
                case "--reason" -> a.reason = value(argv, ++i, opt);
                case "--location" -> a.location = value(argv, ++i, opt);
                case "--contact" -> a.contact = value(argv, ++i, opt);
                case "--certify" -> a.certification = switch (value(argv, ++i, opt)) {
                    case "1" -> Certification.NO_CHANGES;
                    case "2" -> Certification.FORM_FILLING_AND_SIGNING;
                    case "3" -> Certification.ANNOTATIONS_FORM_FILLING_AND_SIGNING;
                    default -> throw new IllegalArgumentException("--certify 1|2|3");
                };
                case "--page" -> a.page = Integer.parseInt(value(argv, ++i, opt));
                case "--x" -> a.x = Float.parseFloat(value(argv, ++i, opt));
                case "--y" -> a.y = Float.parseFloat(value(argv, ++i, opt));
                case "--signature-image" -> a.signatureImage = Path.of(value(argv, ++i, opt));
                case "--seal-image" -> a.sealImage = Path.of(value(argv, ++i, opt));
                case "--seal-mm" -> a.sealMm = Float.parseFloat(value(argv, ++i, opt));
                case "--signature-mm" -> a.signatureMm = Float.parseFloat(value(argv, ++i, opt));
                case "--agency" -> a.agency = value(argv, ++i, opt);
                case "--copy-stamp" -> a.copy = CopyKind.valueOf(value(argv, ++i, opt).toUpperCase(Locale.ROOT)
                        .replace('-', '_'));
                case "--field" -> a.field = value(argv, ++i, opt);
                case "--font" -> a.font = Path.of(value(argv, ++i, opt));
                case "--lang" -> a.locale = Locale.forLanguageTag(value(argv, ++i, opt));
                case "--timeout" -> a.timeout = Duration.ofSeconds(Long.parseLong(value(argv, ++i, opt)));
                default -> throw new IllegalArgumentException((String) null);
            }
        }
        if (a.in == null || a.out == null || (a.p12 == null) == (a.pkcs11Library == null)
                || a.pkcs11Library != null && a.slot == null
                || a.level != SignatureLevel.B_B && a.tsa == null
                || a.signatureImage != null && a.copy != null
                || a.signatureImage != null && a.field == null && (a.x == null || a.y == null)) {
            throw new IllegalArgumentException((String) null);
        }
        return a;
    }

    private static String value(String[] argv, int i, String option) {
        if (i >= argv.length || argv[i].startsWith("--")) {
            throw new IllegalArgumentException(option + ": ?");
        }
        return argv[i];
    }

    private static SignOptions options(Args a) throws IOException {
        SignOptions.Builder b = SignOptions.builder().level(a.level).algorithm(a.algorithm).tsaUrl(a.tsa)
                .reason(a.reason).location(a.location).contactInfo(a.contact).certification(a.certification)
                .networkTimeout(a.timeout).fieldName(a.field);
        Appearance appearance = null;
        if (a.signatureImage != null) {
            // without --x/--y the named existing field gives the position
            appearance = Appearance.decree30(a.page == null ? 1 : a.page, a.x == null ? 0 : a.x,
                    a.y == null ? 0 : a.y,
                    Files.readAllBytes(a.signatureImage),
                    a.sealImage == null ? null : Files.readAllBytes(a.sealImage), a.agency);
            if (a.sealMm != null) {
                appearance = appearance.withSealDiameterMm(a.sealMm);
            }
            if (a.signatureMm != null) {
                appearance = appearance.withSignatureWidthMm(a.signatureMm);
            }
        } else if (a.copy != null) {
            appearance = Appearance.copyStamp(a.copy, a.agency);
        }
        if (appearance != null) {
            appearance = appearance.withLocale(a.locale);
            if (a.font != null) {
                appearance = appearance.withFont(a.font);
            }
            b.appearance(appearance);
        }
        return b.build();
    }

    /** Password or PIN from --secret-env, --secret-file (first line) or the console, in that order. */
    private static char[] secret(Args a) throws IOException {
        if (a.secretEnv != null) {
            String v = System.getenv(a.secretEnv);
            if (v == null) {
                throw new IllegalArgumentException(Messages.text(Messages.VIETNAMESE, "cli.noSecretEnv", a.secretEnv)
                        + " / " + Messages.text(Locale.ENGLISH, "cli.noSecretEnv", a.secretEnv));
            }
            return v.toCharArray();
        }
        if (a.secretFile != null) {
            String v = Files.readString(a.secretFile, StandardCharsets.UTF_8);
            int nl = v.indexOf('\n');
            return (nl < 0 ? v : v.substring(0, nl)).replace("\r", "").toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException(Messages.text(Messages.VIETNAMESE, "cli.noSecret") + " / "
                    + Messages.text(Locale.ENGLISH, "cli.noSecret"));
        }
        char[] v = console.readPassword("%s", Messages.text(Messages.VIETNAMESE, "cli.prompt") + " / "
                + Messages.text(Locale.ENGLISH, "cli.prompt") + ": ");
        return v == null ? new char[0] : v;
    }

    private static int usage(PrintStream err) {
        err.println(Messages.text(Messages.VIETNAMESE, "cli.usage"));
        err.println();
        err.println(Messages.text(Locale.ENGLISH, "cli.usage"));
        return USAGE;
    }

    private static void bilingual(PrintStream s, String key, Object... args) {
        s.println(Messages.text(Messages.VIETNAMESE, key, args));
        s.println(Messages.text(Locale.ENGLISH, key, args));
    }
}
