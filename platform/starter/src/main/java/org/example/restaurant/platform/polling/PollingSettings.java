package org.example.restaurant.platform.polling;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of polled lists ({@code restaurant.polling.*}).
 *
 * @param enabled whether the service answers polls of its lists with {@code ETag} and
 * {@code 304} (default {@code false}): {@code true} gives it {@link ListVersions} and the
 * {@code list_version} table
 * @param lists the names of the lists it versions, such as {@code menu} and
 * {@code orders}: each gets its row in {@code list_version} at start
 */
@ConfigurationProperties("restaurant.polling")
public record PollingSettings(@DefaultValue("false") boolean enabled, @DefaultValue List<String> lists) {

}
