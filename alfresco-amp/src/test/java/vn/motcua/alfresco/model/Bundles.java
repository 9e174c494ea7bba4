package vn.motcua.alfresco.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Reads message bundles strictly as UTF-8, the way Java 9+ resource bundles read them. */
final class Bundles {

    private Bundles() {
    }

    static Properties load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in.readAllBytes(), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    static Properties load(byte[] bytes, String name) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            return properties;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(name + " is not valid UTF-8", e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot parse " + name, e);
        }
    }
}
