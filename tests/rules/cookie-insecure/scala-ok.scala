# bastion-fixture: app/services/LoginController.scala
# ok: cookie-insecure
class LoginController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def login = Action {
    Ok("ok").withCookies(Cookie("session", newId(), secure = true, httpOnly = true))
  }
}
