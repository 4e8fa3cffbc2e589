package org.jparallel.display;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageTest {
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
    private static final byte[] JPEG_START = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
    private static final byte[] GIF_START = {'G', 'I', 'F', '8', '9', 'a'};

    @Test
    void pngIsDetectedByItsMagicBytes() {
        assertEquals(MimeType.IMAGE_PNG, Image.of(PNG_START).mimeType());
    }

    @Test
    void jpegIsDetectedByItsMagicBytes() {
        assertEquals(MimeType.IMAGE_JPEG, Image.of(JPEG_START).mimeType());
    }

    @Test
    void gifIsDetectedByItsMagicBytes() {
        assertEquals(MimeType.IMAGE_GIF, Image.of(GIF_START).mimeType());
    }

    @Test
    void bytesOfNoKnownFormatAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Image.of("hello".getBytes()));
    }

    @Test
    void fileIsReadAndDetected(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("photo.bin"), JPEG_START);

        assertEquals(Image.jpeg(JPEG_START), Image.file(file));
    }

    @Test
    void bundleCarriesBase64BytesAndDisplaySize() {
        MimeBundle bundle = Image.png(new byte[] {1, 2}).withSize(320, 240).toMimeBundle();

        assertEquals("AQI=", bundle.data().get(MimeType.IMAGE_PNG));
        assertEquals(JsonParser.parseString("{\"width\":320,\"height\":240}"), bundle.metadata().get(MimeType.IMAGE_PNG));
    }

    @Test
    void changingTheCallersArrayDoesNotChangeTheImage() {
        byte[] bytes = PNG_START.clone();
        Image image = Image.png(bytes);

        bytes[0] = 0;

        assertEquals(Image.png(PNG_START), image);
    }
}
