package dev.hotreload.sample;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guestbook's HTTP API: {@code POST /guestbook} signs it ({@code {"name": "Ada"}}),
 * {@code POST /guestbook/batch} signs it for several names in one transaction
 * ({@code ["Ada", "Grace"]}), and {@code GET /guestbook} lists the signatures. A name
 * that already signed answers {@code 409 Conflict}.
 */
@RestController
public class GuestbookController {

	private final Guestbook guestbook;

	public GuestbookController(Guestbook guestbook) {
		this.guestbook = guestbook;
	}

	@PostMapping("/guestbook")
	public Signature sign(@RequestBody SignRequest request) {
		return this.guestbook.sign(request.name());
	}

	@PostMapping("/guestbook/batch")
	public List<Signature> signAll(@RequestBody List<String> names) {
		return this.guestbook.signAll(names);
	}

	@GetMapping("/guestbook")
	public List<Signature> signatures() {
		return this.guestbook.signatures();
	}

	// Also matches when Spring Data JDBC wraps it: handlers match the causes too
	@ExceptionHandler(DuplicateKeyException.class)
	public ProblemDetail alreadySigned(DuplicateKeyException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This name already signed the guestbook");
	}

	/**
	 * A request to sign the guestbook.
	 *
	 * @param name who signs
	 */
	public record SignRequest(String name) {

	}

}
