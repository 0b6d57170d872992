// bastion-fixture: app/controllers/LoginController.scala
package controllers

class LoginController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  private val logger = Logger(this.getClass)

  def login = Action { request =>
    val user = request.getQueryString("user").getOrElse("")
// expect: log-injection
    logger.info("login attempt for " + user)
    Ok("done")
  }
}
