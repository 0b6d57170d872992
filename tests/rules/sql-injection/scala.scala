# bastion-fixture: app/controllers/UserController.scala
class UserController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def search = Action { request =>
    val q = request.getQueryString("q").getOrElse("")
# expect: sql-injection
    conn.createStatement().executeQuery("SELECT * FROM users WHERE name = '" + q + "'")
    Ok("done")
  }
}
