package vn.motcua.signature;

import java.util.Arrays;

import vn.motcua.signature.sign.SignCommand;
import vn.motcua.signature.verify.VerifyCommand;

/**
 * Entry point of the executable jar: {@code java -jar motcua-signature-cli.jar verify|sign ...}. The scripts
 * {@code bin/motcua-verify} and {@code bin/motcua-sign} pass the first argument for the user.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "verify" -> VerifyCommand.main(rest);
            case "sign" -> SignCommand.main(rest);
            default -> {
                System.err.println("motcua-signature: verify | sign");
                System.exit(3);
            }
        }
    }
}
