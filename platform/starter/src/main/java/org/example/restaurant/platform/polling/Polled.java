package org.example.restaurant.platform.polling;

import java.util.function.Supplier;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * The answer to a poll of a list (docs/api.md, "Polling"): the list with its version as
 * {@code ETag}, or, when the screen already has that version ({@code If-None-Match}),
 * {@code 304 Not Modified} without reading or writing the list. {@code no-cache} makes a
 * browser ask again at every poll, with the ETag it holds, and hand the page the body it
 * kept when the answer is 304.
 */
public final class Polled {

	/**
	 * For lists only staff may read: a browser keeps them, a shared cache never does.
	 */
	public static final CacheControl STAFF = CacheControl.noCache().cachePrivate();

	/** For lists anyone may read (such as the menu). */
	public static final CacheControl ANYONE = CacheControl.noCache();

	private Polled() {
	}

	/**
	 * The list, or 304 when the caller has its version.
	 * @param request the request, with its {@code If-None-Match}, if any
	 * @param list the list's name, one of {@code restaurant.polling.lists}
	 * @param version the list's version, read before the list
	 * @param cacheControl {@link #STAFF} or {@link #ANYONE}
	 * @param body reads the list; not called for a 304
	 * @return 200 with the list, or 304 without a body; both with {@code ETag} and
	 * {@code Cache-Control}
	 */
	public static <T> ResponseEntity<T> answer(WebRequest request, String list, long version, CacheControl cacheControl,
			Supplier<T> body) {
		String etag = "\"" + list + "-" + version + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
		}
		return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).body(body.get());
	}

}
