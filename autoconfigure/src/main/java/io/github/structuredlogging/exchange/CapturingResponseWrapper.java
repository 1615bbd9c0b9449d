package io.github.structuredlogging.exchange;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Counts the bytes of a response body as they are written, keeping a copy of the first ones when a body is to be
 * shown. Unlike caching the whole body, the response streams to the client unchanged and memory stays bounded.
 */
final class CapturingResponseWrapper extends HttpServletResponseWrapper {

	private final byte[] captured;

	private int capturedLength;

	private long count;

	private ServletOutputStream stream;

	private PrintWriter writer;

	/**
	 * Wraps a response.
	 * @param response the response
	 * @param captureBytes how many leading bytes to keep, 0 for none
	 */
	CapturingResponseWrapper(HttpServletResponse response, int captureBytes) {
		super(response);
		this.captured = new byte[captureBytes];
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.stream == null) {
			this.stream = new CountingStream(super.getOutputStream());
		}
		return this.stream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			this.writer = new PrintWriter(
					new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
		}
		return this.writer;
	}

	@Override
	public void flushBuffer() throws IOException {
		flushWriter();
		super.flushBuffer();
	}

	/**
	 * Pushes what the application wrote through {@link #getWriter()} to the response, which the container would
	 * otherwise never see, as it flushes only its own writer.
	 */
	void flushWriter() {
		if (this.writer != null) {
			this.writer.flush();
		}
	}

	long count() {
		return this.count;
	}

	byte[] captured() {
		return this.captured;
	}

	int capturedLength() {
		return this.capturedLength;
	}

	private void capture(byte[] bytes, int offset, int length) {
		this.count += length;
		int room = this.captured.length - this.capturedLength;
		if (room > 0) {
			int kept = Math.min(room, length);
			System.arraycopy(bytes, offset, this.captured, this.capturedLength, kept);
			this.capturedLength += kept;
		}
	}

	private final class CountingStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		private final byte[] single = new byte[1];

		CountingStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
			this.single[0] = (byte) b;
			capture(this.single, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.delegate.write(bytes, offset, length);
			capture(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

}
