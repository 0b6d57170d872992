// bastion-fixture: app/controllers/DirectoryController.scala
// The expression is fixed; the name is bound as an XPath variable by the resolver.
package controllers

import java.io.File
import javax.inject._
import javax.xml.namespace.QName
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.{XPathFactory, XPathVariableResolver}
import play.api.mvc._

@Singleton
class DirectoryController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def lookup = Action { request =>
    val name = request.getQueryString("name").getOrElse("")
    val doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("conf/staff.xml"))
    val xp = XPathFactory.newInstance().newXPath()
    xp.setXPathVariableResolver(new XPathVariableResolver {
      def resolveVariable(v: QName): AnyRef = if (v.getLocalPart == "name") name else null
    })
// ok: xpath-injection
    val phone = xp.evaluate("//person[@name=$name]/phone", doc)
    Ok(phone)
  }
}
