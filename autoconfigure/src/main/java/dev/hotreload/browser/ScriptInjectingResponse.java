package dev.hotreload.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A response that holds back the body of an HTML page, uncompressed, so that a script
 * element can be written before the end tag of its {@code body} (or of its {@code html})
 * once the page is complete. Every other answer goes through as it is written, byte for
 * byte.
 */
final class ScriptInjectingResponse extends HttpServletResponseWrapper {

	private final String tag;

	private @Nullable Boolean holding;

	private @Nullable ByteArrayOutputStream body;

	private @Nullable ServletOutputStream stream;

	private @Nullable PrintWriter writer;

	ScriptInjectingResponse(HttpServletResponse response, String tag) {
		super(response);
		this.tag = tag;
	}

	// Decided when the body starts, when the content type and encoding are known.
	private boolean holding() {
		if (this.holding == null) {
			String type = getContentType();
			this.holding = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")
					&& getHeader(HttpHeaders.CONTENT_ENCODING) == null && getStatus() != SC_NOT_MODIFIED;
		}
		return this.holding;
	}

	private boolean mayHold() {
		String type = getContentType();
		return (this.holding == null) ? type == null || type.toLowerCase(Locale.ROOT).startsWith("text/html")
				: this.holding;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (!holding()) {
			return super.getOutputStream();
		}
		return stream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (!holding()) {
			return super.getWriter();
		}
		if (this.writer == null) {
			this.writer = new PrintWriter(new OutputStreamWriter(stream(), charset()));
		}
		return this.writer;
	}

	private ServletOutputStream stream() {
		if (this.stream == null) {
			this.stream = new BodyStream(this);
		}
		return this.stream;
	}

	/**
	 * Stop holding the page back, as for an answer that is written asynchronously: what
	 * was held is written now, and the rest as it comes, without the script.
	 * @throws IOException if the page cannot be written
	 */
	void release() throws IOException {
		if (this.holding != null && this.holding) {
			if (this.writer != null) {
				this.writer.flush();
			}
			this.holding = false;
			if (this.body != null) {
				super.getOutputStream().write(this.body.toByteArray());
				this.body = null;
			}
		}
		else {
			this.holding = false;
		}
	}

	private void write(byte[] bytes, int offset, int length) throws IOException {
		if (this.holding != null && this.holding) {
			body().write(bytes, offset, length);
		}
		else {
			super.getOutputStream().write(bytes, offset, length);
		}
	}

	private ByteArrayOutputStream body() {
		if (this.body == null) {
			this.body = new ByteArrayOutputStream(8192);
		}
		return this.body;
	}

	private Charset charset() {
		String encoding = getCharacterEncoding();
		try {
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
		}
		catch (RuntimeException ex) {
			return StandardCharsets.ISO_8859_1;
		}
	}

	@Override
	public void setContentLength(int length) {
		if (!mayHold()) {
			super.setContentLength(length);
		}
	}

	@Override
	public void setContentLengthLong(long length) {
		if (!mayHold()) {
			super.setContentLengthLong(length);
		}
	}

	@Override
	public void setHeader(String name, String value) {
		if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) || !mayHold()) {
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) || !mayHold()) {
			super.addHeader(name, value);
		}
	}

	@Override
	public void flushBuffer() throws IOException {
		if (this.holding == null || !this.holding) {
			super.flushBuffer();
		}
	}

	/**
	 * Write the held page, with the script tag, once the page is complete.
	 * @throws IOException if the page cannot be written
	 */
	void finish() throws IOException {
		if (this.holding == null || !this.holding || this.body == null) {
			return;
		}
		if (this.writer != null) {
			this.writer.flush();
		}
		Charset charset = charset();
		String page = this.body.toString(charset);
		byte[] bytes = withTag(page).getBytes(charset);
		super.setContentLength(bytes.length);
		super.getOutputStream().write(bytes);
		super.flushBuffer();
	}

	private String withTag(String page) {
		String lower = page.toLowerCase(Locale.ROOT);
		int at = lower.lastIndexOf("</body>");
		if (at == -1) {
			at = lower.lastIndexOf("</html>");
		}
		return (at != -1) ? page.substring(0, at) + this.tag + page.substring(at) : page;
	}

	private static final class BodyStream extends ServletOutputStream {

		private final ScriptInjectingResponse response;

		BodyStream(ScriptInjectingResponse response) {
			this.response = response;
		}

		@Override
		public void write(int b) throws IOException {
			this.response.write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.response.write(bytes, offset, length);
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			throw new UnsupportedOperationException("A held HTML page is written in blocking mode");
		}

	}

}
