package uk.gov.send.rep.hub.transfer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Where an export lives: a directory, or the same files in a {@code .zip} file.
 */
final class ExportFiles {

    private ExportFiles() {
    }

    /** Writes the files of an export, one after the other. */
    interface Output extends AutoCloseable {

        /** A stream for one file; closing it ends the file. */
        OutputStream create(String path) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Reads the files of an export. */
    interface Input extends AutoCloseable {

        /** @throws NoSuchFileException if the export has no such file */
        InputStream open(String path) throws IOException;

        @Override
        void close() throws IOException;
    }

    static boolean isZip(Path path) {
        return path.getFileName() != null && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    /**
     * A new export at {@code path}: an empty or new directory, or a new {@code .zip} file.
     * @throws TransferException (bad input) if something is there already
     */
    static Output create(Path path) {
        try {
            if (isZip(path)) {
                if (Files.exists(path)) {
                    throw TransferException.badInput("--out " + path + " exists already; give a new file name");
                }
                if (path.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(path.toAbsolutePath().getParent());
                }
                return zip(new ZipOutputStream(Files.newOutputStream(path)));
            }
            if (Files.exists(path) && (!Files.isDirectory(path) || !isEmpty(path))) {
                throw TransferException.badInput("--out " + path + " exists and is not an empty directory");
            }
            Files.createDirectories(path);
            return directory(path);
        }
        catch (IOException e) {
            throw TransferException.badInput("--out " + path + ": cannot be created (" + e + ")");
        }
    }

    /**
     * An existing export at {@code path}.
     * @throws TransferException (bad input) if there is none
     */
    static Input open(Path path) {
        if (!Files.exists(path)) {
            throw TransferException.badInput("--in " + path + " does not exist");
        }
        if (Files.isDirectory(path)) {
            return new Input() {
                @Override
                public InputStream open(String file) throws IOException {
                    return Files.newInputStream(path.resolve(file));
                }

                @Override
                public void close() {
                }
            };
        }
        try {
            ZipFile zip = new ZipFile(path.toFile());
            return new Input() {
                @Override
                public InputStream open(String file) throws IOException {
                    ZipEntry entry = zip.getEntry(file);
                    if (entry == null) {
                        throw new NoSuchFileException(file);
                    }
                    return zip.getInputStream(entry);
                }

                @Override
                public void close() throws IOException {
                    zip.close();
                }
            };
        }
        catch (IOException e) {
            throw TransferException.badInput("--in " + path + " is neither a directory nor a readable zip file (" + e + ")");
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static Output directory(Path root) {
        return new Output() {
            @Override
            public OutputStream create(String path) throws IOException {
                Path file = root.resolve(path);
                Files.createDirectories(file.getParent());
                return Files.newOutputStream(file);
            }

            @Override
            public void close() {
            }
        };
    }

    private static Output zip(ZipOutputStream zip) {
        return new Output() {
            @Override
            public OutputStream create(String path) throws IOException {
                zip.putNextEntry(new ZipEntry(path));
                return new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() {
                        try {
                            zip.closeEntry();
                        }
                        catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                };
            }

            @Override
            public void close() throws IOException {
                zip.close();
            }
        };
    }
}
