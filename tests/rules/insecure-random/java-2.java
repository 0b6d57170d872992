// bastion-fixture: src/main/java/demo/LoginServlet.java
import java.util.Random;

public class LoginServlet extends HttpServlet {
  private static final Random RNG = new Random();

  protected void doPost(HttpServletRequest request, HttpServletResponse response) {
// expect: insecure-random
    long value = RNG.nextLong();
    String remember = Long.toString(value);
    Cookie cookie = new Cookie("remember", remember);
    cookie.setSecure(true);
    response.addCookie(cookie);
// expect: insecure-random
    double d = Math.random();
    request.getSession().setAttribute("visit", Double.toString(d));
  }

  void pause() throws InterruptedException {
    Thread.sleep((long) (Math.random() * 100));
    int index = ThreadLocalRandom.current().nextInt(10);
    String colour = COLOURS[index];
  }
}
