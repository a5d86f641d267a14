package org.example.restaurant.platform.problem;

/**
 * One invalid field of a request, an entry of a problem's {@code errors}.
 *
 * @param field the field's path, such as {@code items[0].quantity}, a query parameter or
 * a header name
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {

}
