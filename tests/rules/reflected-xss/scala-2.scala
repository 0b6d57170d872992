// bastion-fixture: app/controllers/PreviewController.scala
package controllers

import javax.inject.Inject
import play.api.mvc._
import play.twirl.api.HtmlFormat

class PreviewController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def preview(title: String) = Action { implicit request =>
    val author = request.getQueryString("author").getOrElse("anonymous")
    val page = s"<h1>${HtmlFormat.escape(title)}</h1><p>by $author</p>"
// expect: reflected-xss
    Ok(page).as(HTML)
  }
}
