// bastion-fixture: src/main/scala/feeds/FeedServlet.scala
// The route's factory is not hardened; another route's helper hardens its own.
package feeds

import javax.xml.parsers.DocumentBuilderFactory
import org.scalatra._

class FeedServlet extends ScalatraServlet {
  private def hardened(): DocumentBuilderFactory = {
    val f = DocumentBuilderFactory.newInstance()
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
    f
  }

  post("/feeds/catalog") {
// expect: xxe
    val factory = DocumentBuilderFactory.newInstance()
    val doc = factory.newDocumentBuilder().parse(request.getInputStream)
    Ok(doc.getDocumentElement.getTagName)
  }

  post("/feeds/prices") {
    val doc = hardened().newDocumentBuilder().parse(request.getInputStream)
    Ok(doc.getDocumentElement.getTagName)
  }
}
