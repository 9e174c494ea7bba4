package vn.motcua.signature.verify;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The first {@code end} bytes of a file as PDFBox input: one revision of an incrementally updated PDF. Unlike
 * {@link RandomAccessReadView} it supports views (PDFBox needs them for streams).
 */
final class RevisionSource implements RandomAccessRead {
    private final RandomAccessReadBufferedFile file;
    private final long end;

    RevisionSource(Path path, long end) throws IOException {
        this.file = new RandomAccessReadBufferedFile(path);
        this.end = Math.min(end, file.length());
    }

    @Override
    public int read() throws IOException {
        return file.getPosition() >= end ? -1 : file.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long left = end - file.getPosition();
        if (left <= 0) {
            return -1;
        }
        return file.read(b, off, (int) Math.min(len, left));
    }

    @Override
    public long getPosition() throws IOException {
        return file.getPosition();
    }

    @Override
    public void seek(long position) throws IOException {
        file.seek(Math.min(position, end));
    }

    @Override
    public long length() {
        return end;
    }

    @Override
    public boolean isClosed() {
        return file.isClosed();
    }

    @Override
    public boolean isEOF() throws IOException {
        return file.getPosition() >= end;
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
        if (startPosition < 0 || startPosition + streamLength > end) {
            throw new IOException("stream beyond the end of the revision");
        }
        return file.createView(startPosition, streamLength);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
