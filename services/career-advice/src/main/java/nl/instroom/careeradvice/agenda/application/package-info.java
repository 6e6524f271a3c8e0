/** The agenda's use cases: publishing, withdrawing and finding slots. Booking is part of an advice request. */
package nl.instroom.careeradvice.agenda.application;
