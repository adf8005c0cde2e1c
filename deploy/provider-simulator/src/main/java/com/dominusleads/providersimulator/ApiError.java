package com.dominusleads.providersimulator;

/** A call answered with an error, already in the provider's own error shape. */
final class ApiError extends RuntimeException {

    final Answer answer;

    ApiError(Answer answer) {
        super(null, null, false, false);
        this.answer = answer;
    }
}
