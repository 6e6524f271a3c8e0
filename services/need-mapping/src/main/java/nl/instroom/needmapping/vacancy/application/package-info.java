/** Use cases on vacancies: open, fill, withdraw, look up. */
package nl.instroom.needmapping.vacancy.application;
