package org.example.restaurant.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import org.example.restaurant.gateway.GatewaySettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request body larger than {@code gateway.max-request-body} with a 413 problem
 * that names the limit, before any service sees it. A {@code Content-Length} over the
 * limit is refused at once. A body without one (chunked) is counted as it is read, and
 * refused as soon as it passes the limit: the gateway reads every body into memory before
 * routing it (the Retry filters keep it to send it again), so without this count a client
 * could make it buffer a body of any size. As the body is read before routing, a refused
 * body never counts against a service's circuit breaker.
 * <p>
 * The built-in {@code RequestSize} filter only checks {@code Content-Length} and answers
 * with an empty body.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

	/** Name of the problem property that holds the limit in bytes. */
	static final String LIMIT_PROPERTY = "maxBytes";

	private final long maxBytes;

	private final String limit;

	RequestSizeLimit(GatewaySettings settings) {
		this.maxBytes = settings.maxRequestBody().toBytes();
		this.limit = (this.maxBytes > 0 && this.maxBytes % 1024 == 0)
				? (this.maxBytes / 1024) + " KB (" + this.maxBytes + " bytes)" : this.maxBytes + " bytes";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return Mono.error(tooLarge());
		}
		if (declared >= 0) {
			// The server reads no more than Content-Length bytes.
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new LimitedBody(request)).build());
	}

	private ResponseStatusException tooLarge() {
		ResponseStatusException tooLarge = new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the gateway's limit of " + this.limit
						+ "; no request to this API needs that much.");
		tooLarge.getBody().setProperty(LIMIT_PROPERTY, this.maxBytes);
		return tooLarge;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	private final class LimitedBody extends ServerHttpRequestDecorator {

		LimitedBody(ServerHttpRequest delegate) {
			super(delegate);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> {
				AtomicLong read = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (read.addAndGet(buffer.readableByteCount()) > RequestSizeLimit.this.maxBytes) {
						DataBufferUtils.release(buffer);
						sink.error(tooLarge());
					}
					else {
						sink.next(buffer);
					}
				});
			});
		}

	}

}
