package org.guichet.parse;

import jakarta.activation.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A multipart's content under a repaired Content-Type, so that a malformed parameter list does not hide its parts. */
final class RetypedSource implements DataSource {

    private final DataSource source;
    private final String contentType;

    RetypedSource(DataSource source, String contentType) {
        this.source = source;
        this.contentType = contentType;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return source.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("A mail being parsed is read-only.");
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getName() {
        return source.getName();
    }
}
