package vn.motcua.signature.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.security.auth.login.LoginException;
import vn.motcua.signature.sign.SigningException.Reason;

/** Opens signing keys from a PKCS#12 file or a PKCS#11 token (SunPKCS11). */
public final class SigningKeys {

    private SigningKeys() {
    }

    /**
     * Opens a PKCS#12 (.p12/.pfx) file.
     *
     * @param alias the entry to use, or null for the first entry holding a private key
     */
    public static SigningKey pkcs12(Path file, char[] password, String alias) throws SigningException {
        KeyStore ks;
        try (InputStream in = Files.newInputStream(file)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (NoSuchFileException e) {
            throw new SigningException(Reason.KEY_STORE_UNREADABLE, e, file);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || e.getCause() instanceof javax.crypto.BadPaddingException) {
                throw new SigningException(Reason.WRONG_PASSWORD, e);
            }
            throw new SigningException(Reason.KEY_STORE_UNREADABLE, e, e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new SigningException(Reason.KEY_STORE_UNREADABLE, e, e.getMessage());
        }
        return fromKeyStore(ks, password, alias, null, null);
    }

    /**
     * Opens a key on a PKCS#11 token through the JDK's SunPKCS11 provider.
     *
     * @param library the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so or a USB token vendor's library
     * @param slot    the slot id (as the token's tools list it)
     * @param pin     the user PIN
     * @param alias   the key's label, or null for the first key with a certificate
     */
    public static SigningKey pkcs11(Path library, long slot, char[] pin, String alias) throws SigningException {
        if (!Files.isRegularFile(library)) {
            throw new SigningException(Reason.PKCS11_UNAVAILABLE, library + " not found");
        }
        Provider provider;
        try {
            // quoted: vendor libraries often live under paths with spaces
            String config = "--name = motcua-" + slot + "\nlibrary = \"" + library.toAbsolutePath() + "\"\nslot = "
                    + slot + "\n";
            provider = Security.getProvider("SunPKCS11").configure(config);
        } catch (RuntimeException e) {
            throw new SigningException(Reason.PKCS11_UNAVAILABLE, e, e.getMessage());
        }
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS11", provider);
            ks.load(null, pin);
        } catch (IOException e) {
            if (causedByLogin(e)) {
                throw new SigningException(Reason.WRONG_PASSWORD, e);
            }
            throw new SigningException(Reason.PKCS11_UNAVAILABLE, e, e.getMessage());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException(Reason.PKCS11_UNAVAILABLE, e, e.getMessage());
        }
        return fromKeyStore(ks, null, alias, provider, () -> {
            if (provider instanceof java.security.AuthProvider auth) {
                try {
                    auth.logout();
                } catch (LoginException ignored) {
                    // the session ends with the JVM anyway; nothing useful to report on close
                }
            }
        });
    }

    private static boolean causedByLogin(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LoginException || String.valueOf(t.getMessage()).contains("CKR_PIN_INCORRECT")) {
                return true;
            }
        }
        return false;
    }

    private static SigningKey fromKeyStore(KeyStore ks, char[] password, String alias, Provider provider,
            Runnable onClose) throws SigningException {
        try {
            String chosen = alias;
            if (chosen == null) {
                for (String a : Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a) && ks.getCertificateChain(a) != null) {
                        chosen = a;
                        break;
                    }
                }
            }
            if (chosen == null || !ks.isKeyEntry(chosen) || ks.getCertificateChain(chosen) == null) {
                throw new SigningException(Reason.KEY_NOT_FOUND, alias == null ? "*" : alias);
            }
            PrivateKey key = (PrivateKey) ks.getKey(chosen, password);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : ks.getCertificateChain(chosen)) {
                chain.add((X509Certificate) c);
            }
            return new KeyStoreSigningKey(key, chain, provider, onClose);
        } catch (UnrecoverableKeyException e) {
            throw new SigningException(Reason.WRONG_PASSWORD, e);
        } catch (GeneralSecurityException e) {
            throw new SigningException(Reason.KEY_STORE_UNREADABLE, e, e.getMessage());
        }
    }

    /** A JCA private key; the provider is fixed for token keys, which only their own provider can use. */
    // a class, not a record: a record's toString would print the private key object
    private static final class KeyStoreSigningKey implements SigningKey {
        private final PrivateKey key;
        private final List<X509Certificate> chain;
        private final Provider provider;
        private final Runnable onClose;

        KeyStoreSigningKey(PrivateKey key, List<X509Certificate> chain, Provider provider, Runnable onClose) {
            this.key = key;
            this.chain = List.copyOf(chain);
            this.provider = provider;
            this.onClose = onClose;
        }

        @Override
        public List<X509Certificate> chain() {
            return chain;
        }

        @Override
        public byte[] sign(byte[] data, SignatureAlgorithm algorithm) throws SigningException {
            try {
                Signature s = provider == null ? Signature.getInstance(algorithm.jcaName())
                        : Signature.getInstance(algorithm.jcaName(), provider);
                if (algorithm.pss()) {
                    s.setParameter(algorithm.pssParameters());
                }
                s.initSign(key);
                s.update(data);
                return s.sign();
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new SigningException(Reason.SIGNING_FAILED, e, e.getMessage());
            }
        }

        @Override
        public void close() {
            if (onClose != null) {
                onClose.run();
            }
        }
    }
}
