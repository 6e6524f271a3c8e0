/** The HTTP API of advice requests (open to anyone) and of the adviser's case log. */
package nl.instroom.careeradvice.cases.web;
