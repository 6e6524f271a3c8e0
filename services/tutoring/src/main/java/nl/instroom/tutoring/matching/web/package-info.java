/** The matching API for coordinators: solve a region, read a run and its score breakdown, accept it. */
package nl.instroom.tutoring.matching.web;
