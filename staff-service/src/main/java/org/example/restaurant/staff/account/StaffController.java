package org.example.restaurant.staff.account;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import org.example.restaurant.platform.security.AnyStaff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
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

	private static final Logger log = LoggerFactory.getLogger(StaffController.class);

	private final StaffRepository staff;

	private final SignIn signIn;

	private final PasswordEncoder encoder;

	private final Clock clock;

	StaffController(StaffRepository staff, SignIn signIn, PasswordEncoder encoder, Clock clock) {
		this.staff = staff;
		this.signIn = signIn;
		this.encoder = encoder;
		this.clock = clock;
	}

	@PostMapping("/login")
	@PreAuthorize("permitAll()")
	ResponseEntity<LoginResponse> login(@Valid @RequestBody LoginRequest request) {
		SignIn.SignedIn signedIn = this.signIn.signIn(request.staffNumber(), request.pin());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(LoginResponse.of(signedIn));
	}

	@GetMapping("/me")
	@AnyStaff
	StaffJson me(@AuthenticationPrincipal Jwt token) {
		return StaffJson.of(find(token.getSubject()));
	}

	@GetMapping
	@PreAuthorize("hasRole('MANAGER')")
	List<StaffJson> list() {
		return this.staff.findAllByOrderByCreatedAtAscNumberAsc().stream().map(StaffJson::of).toList();
	}

	@GetMapping("/{number}")
	@PreAuthorize("hasRole('MANAGER')")
	StaffJson get(@PathVariable String number) {
		return StaffJson.of(find(number));
	}

	@PostMapping
	@PreAuthorize("hasRole('MANAGER')")
	ResponseEntity<StaffJson> add(@Valid @RequestBody NewStaffRequest request, @AuthenticationPrincipal Jwt token) {
		if (this.staff.existsById(request.staffNumber())) {
			throw new StaffNumberTaken(request.staffNumber());
		}
		Staff hired = Staff.hire(request.staffNumber(), request.name(), request.roles(), Pin.of(request.pin()),
				this.encoder, this.clock.instant());
		try {
			this.staff.saveAndFlush(hired);
		}
		catch (DataIntegrityViolationException ex) {
			// added by another request since the check above
			throw new StaffNumberTaken(request.staffNumber());
		}
		log.info("Staff added: {} by {}", hired, token.getSubject());
		return ResponseEntity.created(URI.create("/api/staff/" + hired.getNumber())).body(StaffJson.of(hired));
	}

	@PatchMapping("/{number}")
	@PreAuthorize("hasRole('MANAGER')")
	StaffJson change(@PathVariable String number, @Valid @RequestBody StaffChange change,
			@AuthenticationPrincipal Jwt token) {
		Staff person = find(number);
		boolean self = number.equals(token.getSubject());
		if (self && (Boolean.FALSE.equals(change.active())
				|| (change.roles() != null && !change.roles().contains(Role.MANAGER)))) {
			throw new OwnManagerRightsKept();
		}
		List<String> changed = new ArrayList<>();
		if (change.name() != null) {
			person.rename(change.name());
			changed.add("name");
		}
		if (change.roles() != null) {
			person.assign(change.roles());
			changed.add("roles");
		}
		if (change.active() != null) {
			if (change.active()) {
				person.activate();
			}
			else {
				person.deactivate();
			}
			changed.add(change.active() ? "activated" : "deactivated");
		}
		if (change.pin() != null) {
			person.changePin(Pin.of(change.pin()), this.encoder);
			changed.add("new PIN");
		}
		Staff saved = this.staff.save(person);
		log.info("Staff changed: {} by {}: {}", saved, token.getSubject(), changed.isEmpty() ? "nothing" : changed);
		return StaffJson.of(saved);
	}

	private Staff find(String number) {
		return this.staff.findById(number).orElseThrow(() -> new StaffNotFound(number));
	}

}
