package vn.motcua.server.document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import vn.motcua.signature.sign.SignatureLevel;
import vn.motcua.signature.sign.SigningException;
import vn.motcua.signature.sign.SigningKey;
import vn.motcua.signature.sign.SigningKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * The leader's signer, from configuration (secrets from the environment, never from the repository):
 * <pre>
 * motcua.signing.key-source=pkcs12            # or pkcs11; unset = results are stored unsigned (NoSignerConfigured)
 * motcua.signing.pkcs12.path=/etc/motcua/leader.p12
 * motcua.signing.pkcs12.password=...          # e.g. MOTCUA_SIGNING_PKCS12_PASSWORD in the environment
 * motcua.signing.pkcs11.library=/usr/lib/softhsm/libsofthsm2.so
 * motcua.signing.pkcs11.slot=0
 * motcua.signing.pkcs11.pin=...               # e.g. MOTCUA_SIGNING_PKCS11_PIN; unset = the Ký số page asks for it
 * motcua.signing.external.chain=/etc/motcua/leader-chain.pem  # two-step signing: the leader's chain, signer first
 * motcua.signing.external.lifetime=PT10M      # how long a prepared hash waits for its signature
 * motcua.signing.alias=                       # optional: the key's alias when the store holds several
 * motcua.signing.level=B_B                    # B_B, B_T or B_LT (B_T/B_LT need the TSA)
 * motcua.signing.tsa-url=http://tsa.example/  # RFC 3161 time-stamping authority
 * motcua.signing.signature-image=/etc/motcua/signature.png   # blue PNG; with it the Decree-30 visible block is drawn
 * motcua.signing.seal-image=/etc/motcua/seal.png             # red PNG, overlapping a third of the signature
 * motcua.signing.agency-name=UBND PHƯỜNG AYUN PA
 * motcua.signing.page=0                       # 0 = last page
 * motcua.signing.x=300  motcua.signing.y=80   # lower-left corner of the block, in points
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    @Bean
    @Primary
    LeaderSigner leaderSigner(Environment env, NoSignerConfigured unsigned) throws SigningException {
        String source = env.getProperty("motcua.signing.key-source", "").toLowerCase(Locale.ROOT);
        if (source.isBlank()) {
            return new LeaderSigner(null, null, null, unsigned);
        }
        String alias = blankToNull(env.getProperty("motcua.signing.alias", ""));
        SignatureLevel level = SignatureLevel.valueOf(env.getProperty("motcua.signing.level", "B_B"));
        String tsa = env.getProperty("motcua.signing.tsa-url", "");
        ConfiguredResultSigner.Images images = new ConfiguredResultSigner.Images(
                image(env, "motcua.signing.signature-image"), image(env, "motcua.signing.seal-image"),
                env.getProperty("motcua.signing.agency-name", ""));
        ConfiguredResultSigner.Placement placement = new ConfiguredResultSigner.Placement(
                env.getProperty("motcua.signing.page", Integer.class, 0),
                env.getProperty("motcua.signing.x", Float.class, 300f),
                env.getProperty("motcua.signing.y", Float.class, 80f));
        Function<SigningKey, ConfiguredResultSigner> withKey = key -> new ConfiguredResultSigner(key, level,
                tsa.isBlank() ? null : URI.create(tsa), images, placement);
        return switch (source) {
            case "pkcs12" -> new LeaderSigner(withKey.apply(SigningKeys.pkcs12(
                    Path.of(env.getRequiredProperty("motcua.signing.pkcs12.path")),
                    env.getRequiredProperty("motcua.signing.pkcs12.password").toCharArray(), alias)), null, withKey,
                    unsigned);
            case "pkcs11" -> {
                Path library = Path.of(env.getRequiredProperty("motcua.signing.pkcs11.library"));
                long slot = env.getProperty("motcua.signing.pkcs11.slot", Long.class, 0L);
                String pin = env.getProperty("motcua.signing.pkcs11.pin", "");
                // No PIN configured: the Ký số page asks the leader for it at each signature.
                yield pin.isEmpty()
                        ? new LeaderSigner(null, typed -> SigningKeys.pkcs11(library, slot, typed, alias), withKey,
                        unsigned)
                        : new LeaderSigner(withKey.apply(SigningKeys.pkcs11(library, slot, pin.toCharArray(), alias)),
                        null, withKey, unsigned);
            }
            default -> throw new IllegalStateException(
                    "motcua.signing.key-source must be pkcs12 or pkcs11, not '" + source + "'");
        };
    }

    private static byte[] image(Environment env, String property) {
        String path = env.getProperty(property, "");
        if (path.isBlank()) {
            return null;
        }
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(property + ": " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
