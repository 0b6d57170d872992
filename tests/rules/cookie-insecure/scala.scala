# bastion-fixture: app/services/LoginController.scala
class LoginController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def login = Action {
# expect: cookie-insecure
    Ok("ok").withCookies(Cookie("session", newId(), secure = false))
  }
}
