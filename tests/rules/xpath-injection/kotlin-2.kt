// bastion-fixture: src/main/kotlin/directory/DirectoryHandler.kt
// http4k: a query parameter spliced into an XPath expression.
package directory

import javax.xml.xpath.XPathFactory
import org.http4k.core.HttpHandler
import org.http4k.core.Request
import org.http4k.core.Response
import org.http4k.core.Status
import org.xml.sax.InputSource

val directory: HttpHandler = { req: Request ->
    val name = req.query("name") ?: ""
    val xp = XPathFactory.newInstance().newXPath()
// expect: xpath-injection
    val phone = xp.evaluate("//person[@name='$name']/phone", InputSource("staff.xml"))
    Response(Status.OK).body(phone)
}
