// bastion-fixture: app/controllers/LoginController.scala
// A Play form bound from the request: its user name spliced into an LDAP filter.
package controllers

import javax.inject._
import javax.naming.directory.{InitialDirContext, SearchControls}
import play.api.data._
import play.api.data.Forms._
import play.api.mvc._

case class Login(user: String, password: String)

@Singleton
class LoginController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  val loginForm = Form(mapping("user" -> text, "password" -> text)(Login.apply)(Login.unapply))

  def login = Action { implicit request =>
    val form = loginForm.bindFromRequest().get
    val ctx = new InitialDirContext(new java.util.Hashtable[String, String]())
// expect: ldap-injection
    val found = ctx.search("ou=people,dc=example,dc=com", s"(uid=${form.user})", new SearchControls())
    if (found.hasMore) Ok("welcome") else Unauthorized("no such user")
  }
}
