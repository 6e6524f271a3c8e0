/** Use cases on tutors: register, record or withdraw a parent's consent, look up; and forgetting a tutor. */
package nl.instroom.tutoring.tutor.application;
