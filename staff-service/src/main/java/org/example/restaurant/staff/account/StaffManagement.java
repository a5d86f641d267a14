package org.example.restaurant.staff.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What a manager does with the staff: adds a person, changes one (name, roles, active,
 * PIN), and reads them. A manager keeps their own manager rights: nobody can leave the
 * restaurant without one by mistake.
 *
 * @param staff where the staff are kept
 * @param encoder hashes PINs
 * @param clock when a person is added
 */
@Service
record StaffManagement(StaffRepository staff, PasswordEncoder encoder, Clock clock) {

	private static final Logger log = LoggerFactory.getLogger(StaffManagement.class);

	List<Staff> everyone() {
		return this.staff.findAllByOrderByCreatedAtAscNumberAsc();
	}

	Staff find(String number) {
		return this.staff.findById(number).orElseThrow(() -> new StaffNotFound(number));
	}

	/**
	 * Adds a person.
	 * @param request who
	 * @param by the staff number of the manager
	 * @return the person added
	 * @throws StaffNumberTaken if the number is someone's already
	 */
	Staff hire(NewStaffRequest request, String by) {
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
		log.info("Staff added: {} by {}", hired, by);
		return hired;
	}

	/**
	 * Changes what the request names of a person.
	 * @param number the person's staff number
	 * @param change what changes ({@code null} fields stay)
	 * @param by the staff number of the manager
	 * @return the person changed
	 * @throws StaffNotFound for an unknown number
	 * @throws OwnManagerRightsKept if the manager would deactivate themselves or drop
	 * their own {@code MANAGER} role
	 */
	Staff change(String number, StaffChange change, String by) {
		Staff person = find(number);
		if (number.equals(by) && (Boolean.FALSE.equals(change.active())
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
		log.info("Staff changed: {} by {}: {}", saved, by, changed.isEmpty() ? "nothing" : changed);
		return saved;
	}

}
