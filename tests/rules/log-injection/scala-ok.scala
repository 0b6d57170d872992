// bastion-fixture: app/controllers/LoginController.scala
// ok: log-injection
package controllers

class LoginController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  private val logger = Logger(this.getClass)

  def login = Action { request =>
    val user = request.getQueryString("user").getOrElse("")
    logger.info("login attempt")
    if (user.isEmpty) BadRequest("user") else Ok("done")
    Ok("done")
  }
}
