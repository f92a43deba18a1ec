package org.optreport.site.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** PNG files with only the image chunks (no time or software stamps), so equal images give equal bytes. */
final class PngFiles {
    private PngFiles() {}

    static void write(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (OutputStream out = Files.newOutputStream(file); ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.0f); // strongest deflate: the files are written once, read many times
            // Default metadata for the image type only: the JDK writer adds no tIME/tEXt chunks unless given them.
            writer.write(null, new IIOImage(image, null, writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param)), param);
        } finally {
            writer.dispose();
        }
    }
}
