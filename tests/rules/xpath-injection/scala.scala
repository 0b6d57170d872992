// bastion-fixture: app/controllers/DirectoryController.scala
// A query parameter spliced into an XPath expression evaluated over the staff document.
package controllers

import java.io.File
import javax.inject._
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathFactory
import play.api.mvc._

@Singleton
class DirectoryController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def lookup = Action { request =>
    val name = request.getQueryString("name").getOrElse("")
    val doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("conf/staff.xml"))
    val xp = XPathFactory.newInstance().newXPath()
// expect: xpath-injection
    val phone = xp.evaluate("//person[@name='" + name + "']/phone", doc)
    Ok(phone)
  }
}
