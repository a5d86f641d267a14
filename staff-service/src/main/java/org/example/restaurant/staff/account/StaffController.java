package org.example.restaurant.staff.account;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.example.restaurant.platform.security.AnyStaff;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in and the staff, as docs/api.md describes them. Who may call what is said on each
 * operation ({@code MANAGER} implies the other roles).
 */
@RestController
@RequestMapping("/api/staff")
class StaffController {

	private final StaffManagement management;

	private final SignIn signIn;

	StaffController(StaffManagement management, SignIn signIn) {
		this.management = management;
		this.signIn = signIn;
	}

	@PostMapping("/login")
	@PreAuthorize("permitAll()")
	@ApiResponse(responseCode = "200", description = "Signed in: a staff token for 15 minutes",
			content = @Content(schema = @Schema(implementation = LoginResponse.class)))
	@ApiResponse(responseCode = "401", description = "Unknown number or wrong PIN (the same answer for both)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "429",
			description = "Locked after 5 wrong PINs in a row; Retry-After says for how long",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<LoginResponse> login(@Valid @RequestBody LoginRequest request) {
		SignIn.SignedIn signedIn = this.signIn.signIn(request.staffNumber(), request.pin());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(LoginResponse.of(signedIn));
	}

	@GetMapping("/me")
	@AnyStaff
	StaffJson me(@AuthenticationPrincipal Jwt token) {
		return StaffJson.of(this.management.find(token.getSubject()));
	}

	@GetMapping
	@PreAuthorize("hasRole('MANAGER')")
	List<StaffJson> list() {
		return this.management.everyone().stream().map(StaffJson::of).toList();
	}

	@GetMapping("/{number}")
	@PreAuthorize("hasRole('MANAGER')")
	StaffJson get(@PathVariable String number) {
		return StaffJson.of(this.management.find(number));
	}

	@PostMapping
	@PreAuthorize("hasRole('MANAGER')")
	@ApiResponse(responseCode = "201", description = "Added; Location names the member of staff",
			content = @Content(schema = @Schema(implementation = StaffJson.class)))
	ResponseEntity<StaffJson> add(@Valid @RequestBody NewStaffRequest request, @AuthenticationPrincipal Jwt token) {
		Staff hired = this.management.hire(request, token.getSubject());
		return ResponseEntity.created(URI.create("/api/staff/" + hired.getNumber())).body(StaffJson.of(hired));
	}

	@PatchMapping("/{number}")
	@PreAuthorize("hasRole('MANAGER')")
	StaffJson change(@PathVariable String number, @Valid @RequestBody StaffChange change,
			@AuthenticationPrincipal Jwt token) {
		return StaffJson.of(this.management.change(number, change, token.getSubject()));
	}

}
