// bastion-fixture: src/main/java/com/acme/users/UserController.java
package com.acme.users;

import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/users")
public class UserController {
    private final UserRepository users;

    public UserController(UserRepository users) {
        this.users = users;
    }

    @PutMapping("/{id}")
    public User update(@PathVariable long id, @RequestBody User user) {
        user.setId(id);
// expect: mass-assignment
        return users.save(user);
    }
}
