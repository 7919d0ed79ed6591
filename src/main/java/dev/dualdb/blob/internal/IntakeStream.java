package dev.dualdb.blob.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * An upload's bytes on their way to the temporary file, judged before they are written:
 * the first {@code prefixSize} bytes (or all of a smaller file) are read into memory and
 * handed to a judge that can refuse them (a type the route does not take) before a byte
 * reaches the disk; every byte passed on is taken from the {@link TempSpace} lease, so a
 * full temp space stops the upload at once.
 */
public final class IntakeStream extends FilterInputStream {

    private final int prefixSize;

    private final Consumer<byte[]> judge;

    private final TempSpace.Lease lease;

    private byte[] prefix;

    private int served;

    /**
     * Wraps an upload.
     * @param in the upload's bytes
     * @param prefixSize how many first bytes the judge sees
     * @param judge throws to refuse the upload from its first bytes
     * @param lease takes the temporary bytes of this upload
     */
    public IntakeStream(InputStream in, int prefixSize, Consumer<byte[]> judge, TempSpace.Lease lease) {
        super(in);
        this.prefixSize = prefixSize;
        this.judge = judge;
        this.lease = lease;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return (n == 1) ? (one[0] & 0xff) : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (this.prefix == null) {
            this.prefix = this.in.readNBytes(this.prefixSize);
            this.judge.accept(this.prefix);
        }
        int n;
        if (this.served < this.prefix.length) {
            n = Math.min(length, this.prefix.length - this.served);
            System.arraycopy(this.prefix, this.served, buffer, offset, n);
            this.served += n;
        }
        else {
            n = this.in.read(buffer, offset, length);
        }
        if (n > 0) {
            this.lease.take(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("An upload is read, not skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

}
