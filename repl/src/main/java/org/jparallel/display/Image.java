package org.jparallel.display;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * An encoded raster image (PNG, JPEG or GIF) for the notebook to show, with an optional
 * display size in pixels.
 *
 * <pre>{@code
 * image(Path.of("plot.png"))              // PNG, JPEG or GIF, told apart by their first bytes
 * image(bufferedImage)                    // encoded as PNG, shown at its own size
 * image(jpegBytes).withSize(320, 240)     // scaled by the front end
 * }</pre>
 *
 * <p>In a program (cells import {@code RichOutput}'s methods):
 *
 * <pre>{@code
 * org.jparallel.display.Image.jpeg(bytes).withSize(320, 240)
 * }</pre>
 */
public record Image(String mimeType, byte[] bytes, Optional<Size> size) implements Displayable {

    /** The size a front end should show the image at, in CSS pixels. */
    public record Size(int width, int height) {
        public Size {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
            }
        }
    }

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] GIF_MAGIC = {'G', 'I', 'F', '8'};

    public Image {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(size, "size");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    public static Image png(byte[] bytes) {
        return new Image(MimeType.IMAGE_PNG, bytes, Optional.empty());
    }

    public static Image jpeg(byte[] bytes) {
        return new Image(MimeType.IMAGE_JPEG, bytes, Optional.empty());
    }

    /** A PNG, JPEG or GIF image, told apart by its first bytes. */
    public static Image of(byte[] bytes) {
        return new Image(detectMimeType(bytes), bytes, Optional.empty());
    }

    /** {@code image} encoded as PNG (lossless, keeps transparency), shown at its own size. */
    public static Image of(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalArgumentException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png(png.toByteArray()).withSize(image.getWidth(), image.getHeight());
    }

    /**
     * The PNG, JPEG or GIF image in {@code file}. Throws {@link UncheckedIOException} rather than
     * {@link IOException} so that it can be called from a lambda in a cell.
     */
    public static Image file(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This image, shown at {@code width} x {@code height} pixels. */
    public Image withSize(int width, int height) {
        return new Image(mimeType, bytes, Optional.of(new Size(width, height)));
    }

    /** A copy, so that a caller's edits cannot change this value. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public MimeBundle toMimeBundle() {
        MimeBundle bundle = MimeBundle.text(toString())
                .with(mimeType, Base64.getEncoder().encodeToString(bytes));
        return size.map(s -> bundle.withSize(mimeType, s.width(), s.height())).orElse(bundle);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image image
                && mimeType.equals(image.mimeType)
                && Arrays.equals(bytes, image.bytes)
                && size.equals(image.size);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mimeType, Arrays.hashCode(bytes), size);
    }

    @Override
    public String toString() {
        return "Image[" + mimeType + ", " + bytes.length + " bytes"
                + size.map(s -> ", " + s.width() + "x" + s.height()).orElse("") + "]";
    }

    private static String detectMimeType(byte[] bytes) {
        if (startsWith(bytes, PNG_MAGIC)) {
            return MimeType.IMAGE_PNG;
        }
        if (startsWith(bytes, JPEG_MAGIC)) {
            return MimeType.IMAGE_JPEG;
        }
        if (startsWith(bytes, GIF_MAGIC)) {
            return MimeType.IMAGE_GIF;
        }
        throw new IllegalArgumentException("not a PNG, JPEG or GIF image (first bytes "
                + Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 8))) + ")");
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length
                && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
