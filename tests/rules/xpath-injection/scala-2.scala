// bastion-fixture: src/main/scala/feeds/PriceServlet.scala
// A Scalatra route's parameter spliced into an XPath expression.
package feeds

import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathFactory
import org.scalatra._

class PriceServlet(feed: java.io.File) extends ScalatraServlet {
  get("/prices") {
    val sku = params.getOrElse("sku", halt(400, "sku required"))
    val doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(feed)
    val xpath = XPathFactory.newInstance().newXPath()
// expect: xpath-injection
    xpath.evaluate("/catalog/item[@sku='" + sku + "']/@price", doc)
  }
}
