package org.example.restaurant.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Redis of {@code gateway.rate-limit.store=redis}, under Spring Boot's own names
 * ({@code spring.data.redis.*}; the gateway does not use Spring Data Redis, so it reads
 * the few it needs itself). The time-outs are short by default, unlike Lettuce's 60 s: a
 * Redis that does not answer must not hold up requests, which then pass uncounted.
 *
 * @param url a {@code redis://} or {@code rediss://} URL, which wins over host, port,
 * credentials and database when set
 * @param host the host, {@code localhost} by default
 * @param port the port, 6379 by default
 * @param username the user name, if any
 * @param password the password, if any
 * @param database the database index, 0 by default
 * @param timeout how long a count may take, 500 ms by default
 * @param connectTimeout how long connecting may take, 1 s by default
 */
@ConfigurationProperties("spring.data.redis")
public record RedisSettings(String url, @DefaultValue("localhost") String host, @DefaultValue("6379") int port,
		String username, String password, @DefaultValue("0") int database, @DefaultValue("500ms") Duration timeout,
		@DefaultValue("1s") Duration connectTimeout) {

}
