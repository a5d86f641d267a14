package org.example.restaurant.platform;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The service the platform's own slice tests ({@code @WebMvcTest}) find and start: no
 * code of its own, only what the slice's auto-configuration makes of the platform. A test
 * adds its controller with {@code @Import}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SliceTestService {

}
