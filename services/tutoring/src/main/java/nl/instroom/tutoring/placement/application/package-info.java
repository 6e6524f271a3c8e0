/** Use cases on placements: propose, confirm (with the consent rule), start, complete with evaluation, cancel. */
package nl.instroom.tutoring.placement.application;
